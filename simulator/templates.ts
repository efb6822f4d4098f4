import type { ConfigField, OsFamily, PolicyTemplate } from "./model";
import { createObjectIdFactory } from "./object-id";
import { createRandom, deriveSeed } from "./random";

type FieldSpec = Omit<ConfigField, "id" | "position" | "readOnly" | "sensitive" | "displayOptions" | "validators" | "tooltip"> &
  Partial<Pick<ConfigField, "readOnly" | "sensitive" | "displayOptions" | "validators" | "tooltip">>;

interface TemplateSpec {
  name: string;
  displayName: string;
  description: string;
  osMetaFamily: OsFamily;
  osRestrictions?: PolicyTemplate["osRestrictions"];
  fields: FieldSpec[];
}

const options = (...pairs: Array<[string, string]>) => ({ select: pairs.map(([value, text]) => ({ text, value })) });
const tip = (message: string) => ({ template: "{{message}}", variables: { icon: "info", message } });

/** A small catalogue modelled on JumpCloud's real templates; `windows_security_baseline` covers every field type. */
const CATALOGUE: TemplateSpec[] = [
  {
    name: "windows_security_baseline",
    displayName: "Security Baseline",
    description: "Applies a baseline of password, firewall, UAC and screen lock settings to Windows devices.",
    osMetaFamily: "windows",
    osRestrictions: [{ osName: "Windows", earliestVersion: "10.0.19041" }],
    fields: [
      { name: "minimumPasswordLength", label: "Minimum password length", displayType: "number", defaultValue: 14, required: true, validators: { min: 8, max: 128 }, tooltip: tip("Between 8 and 128 characters.") },
      { name: "enableFirewall", label: "Enable Windows Defender Firewall", displayType: "checkbox", defaultValue: true, required: false },
      {
        name: "uacLevel", label: "User Account Control level", displayType: "select", defaultValue: "promptForConsentOnSecureDesktop", required: true,
        displayOptions: options(
          ["elevateWithoutPrompting", "Elevate without prompting"],
          ["promptForCredentialsOnSecureDesktop", "Prompt for credentials on the secure desktop"],
          ["promptForConsentOnSecureDesktop", "Prompt for consent on the secure desktop"],
          ["promptForConsent", "Prompt for consent"],
        ),
      },
      { name: "legalNoticeText", label: "Logon legal notice", displayType: "text", defaultValue: "Authorized use only. Activity may be monitored.", required: false, validators: { maxLength: 512 } },
      { name: "screenLockTimeoutSeconds", label: "Screen lock timeout (seconds)", displayType: "number", defaultValue: 900, required: false, validators: { min: 60, max: 7200 } },
    ],
  },
  {
    name: "lock_screen_windows",
    displayName: "Lock Screen",
    description: "Locks the screen after N seconds of inactivity.",
    osMetaFamily: "windows",
    fields: [{ name: "timeout", label: "Timeout (seconds)", displayType: "number", defaultValue: 600, required: true, validators: { min: 60, max: 86400 } }],
  },
  {
    name: "bitlocker_windows",
    displayName: "BitLocker Full Disk Encryption",
    description: "Encrypts the system drive with BitLocker and escrows the recovery key.",
    osMetaFamily: "windows",
    fields: [
      { name: "encryptionMethod", label: "Encryption method", displayType: "select", defaultValue: "xts_aes256", required: true, displayOptions: options(["xts_aes128", "XTS-AES 128-bit"], ["xts_aes256", "XTS-AES 256-bit"]) },
      { name: "requireStartupPin", label: "Require a startup PIN", displayType: "checkbox", defaultValue: false, required: false },
    ],
  },
  {
    name: "windows_updates_windows",
    displayName: "Windows Updates",
    description: "Configures automatic installation of Windows updates.",
    osMetaFamily: "windows",
    fields: [
      {
        name: "AUTO_INSTALL_SCHEDULE", label: "Install schedule", displayType: "select", defaultValue: "ScheduledInstallEveryWeek", required: true,
        displayOptions: options(["ScheduledInstallEveryWeek", "Every week"], ["ScheduledInstallFirstWeek", "First week of the month"], ["ScheduledInstallFourthWeek", "Fourth week of the month"]),
      },
      { name: "deferFeatureUpdatesDays", label: "Defer feature updates (days)", displayType: "number", defaultValue: 30, required: false, validators: { min: 0, max: 365 } },
    ],
  },
  { name: "disable_usb_storage_windows", displayName: "Disable USB Storage", description: "Blocks USB mass storage devices.", osMetaFamily: "windows", fields: [] },
  {
    name: "screensaver_lock_darwin",
    displayName: "Lock Screen",
    description: "Requires a password after the screen saver starts.",
    osMetaFamily: "darwin",
    fields: [
      { name: "idleTime", label: "Start screen saver after (seconds)", displayType: "number", defaultValue: 300, required: true, validators: { min: 60, max: 3600 } },
      { name: "askForPasswordDelay", label: "Ask for password delay (seconds)", displayType: "number", defaultValue: 5, required: false, validators: { min: 0, max: 60 } },
    ],
  },
  {
    name: "filevault_darwin",
    displayName: "FileVault 2",
    description: "Enables FileVault 2 disk encryption.",
    osMetaFamily: "darwin",
    osRestrictions: [{ osName: "Mac OS X", earliestVersion: "10.15" }],
    fields: [
      { name: "enablePersonalRecoveryKey", label: "Create a personal recovery key", displayType: "checkbox", defaultValue: true, required: false },
      { name: "escrowToken", label: "Recovery key escrow token", displayType: "text", defaultValue: null, required: false, sensitive: true },
    ],
  },
  {
    name: "gatekeeper_darwin",
    displayName: "Gatekeeper",
    description: "Restricts which applications may run.",
    osMetaFamily: "darwin",
    fields: [
      { name: "allowedSources", label: "Allow apps downloaded from", displayType: "select", defaultValue: "appStoreAndIdentifiedDevelopers", required: true, displayOptions: options(["appStore", "App Store"], ["appStoreAndIdentifiedDevelopers", "App Store and identified developers"]) },
    ],
  },
  {
    name: "login_window_text_darwin",
    displayName: "Login Window Text",
    description: "Shows a message on the login window.",
    osMetaFamily: "darwin",
    fields: [{ name: "loginText", label: "Message", displayType: "textarea", defaultValue: "", required: false, validators: { maxLength: 1024 } }],
  },
  {
    name: "lock_screen_linux",
    displayName: "Lock Screen",
    description: "Locks the GNOME session after N seconds of inactivity.",
    osMetaFamily: "linux",
    fields: [{ name: "timeout", label: "Timeout (seconds)", displayType: "number", defaultValue: 900, required: true, validators: { min: 60, max: 86400 } }],
  },
  {
    name: "ssh_root_login_linux",
    displayName: "SSH Root Login",
    description: "Controls the sshd PermitRootLogin setting.",
    osMetaFamily: "linux",
    fields: [{ name: "permitRootLogin", label: "PermitRootLogin", displayType: "select", defaultValue: "no", required: true, displayOptions: options(["no", "no"], ["prohibit-password", "prohibit-password"]) }],
  },
  {
    name: "password_complexity_linux",
    displayName: "Password Complexity",
    description: "Sets pam_pwquality rules.",
    osMetaFamily: "linux",
    fields: [
      { name: "minlen", label: "Minimum length", displayType: "number", defaultValue: 12, required: true, validators: { min: 6, max: 64 } },
      { name: "requireDigit", label: "Require a digit", displayType: "checkbox", defaultValue: true, required: false },
    ],
  },
];

/** Templates are global in JumpCloud (shared by every org); their ids still derive from the seed. */
export function buildTemplates(seed: number): PolicyTemplate[] {
  const random = createRandom(deriveSeed(seed, "templates"));
  const nextId = createObjectIdFactory(random);
  const baseTime = Date.UTC(2018, 3, 23);
  return CATALOGUE.map((spec, index) => {
    const createdAt = baseTime + index * 86_400_000 * 37;
    return {
      id: nextId(createdAt),
      name: spec.name,
      displayName: spec.displayName,
      description: spec.description,
      osMetaFamily: spec.osMetaFamily,
      activation: "The policy is applied the next time the agent checks in.",
      behavior: "Settings are enforced until the policy is removed.",
      deliveryTypes: ["agent"],
      state: "",
      alert: null,
      reference: null,
      osRestrictions: spec.osRestrictions ?? [],
      configFields: spec.fields.map((field, position) => ({
        id: nextId(createdAt),
        readOnly: false,
        sensitive: false,
        displayOptions: null,
        validators: null,
        tooltip: null,
        ...field,
        position: position + 1,
      })),
    };
  });
}

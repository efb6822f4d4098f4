import "server-only";
import { enabledIntegrations } from "@/lib/integrations/enabled";
import type { CredentialField } from "@/lib/integrations/types";

/** The credential form's view of the integration registry: plain data a client component can receive. */
export type FieldDescriptor = Omit<CredentialField, "schema">;

export interface ServiceDescriptor {
  id: string;
  label: string;
  authTypes: Array<{ id: string; label: string; description: string; recommended: boolean; fields: FieldDescriptor[] }>;
  connectionFields: FieldDescriptor[];
}

function describeField({ schema: _schema, ...field }: CredentialField): FieldDescriptor {
  return field;
}

export function serviceDescriptors(): ServiceDescriptor[] {
  return enabledIntegrations().map((service) => ({
    id: service.id,
    label: service.label,
    authTypes: service.authTypes.map((authType) => ({
      id: authType.id,
      label: authType.label,
      description: authType.description,
      recommended: authType.recommended,
      fields: authType.fields.map(describeField),
    })),
    connectionFields: service.connectionFields.map(describeField),
  }));
}

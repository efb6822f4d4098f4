// Delivery jobs: one pg-boss job per delivery, its id derived from the delivery's, so sending it again (from a
// sweep after a crash, or another process) queues it once.
import "server-only";
import { jobClient, QUEUES } from "@/lib/jobs/boss";
import { jobIdFor } from "@/lib/jobs/job-id";

export interface DeliveryJobData {
  deliveryId: string;
}

export async function sendDeliveryJobs(deliveryIds: readonly string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const boss = await jobClient();
  await boss.insert(deliveryIds.map((deliveryId) => ({ name: QUEUES.alertDelivery, id: jobIdFor(`alert-delivery:${deliveryId}`), data: { deliveryId } satisfies DeliveryJobData })));
}

import type { WebhookDelivery, WebhookEvent } from '../api/webhooks';

/** Each event's label (event names contain dots, which i18next would read as nesting in a key). */
export const EVENT_LABELS = {
  'issue.created': 'admin.webhooks.events.issueCreated',
  'issue.status_changed': 'admin.webhooks.events.issueStatusChanged',
  'issue.response_added': 'admin.webhooks.events.issueResponseAdded',
  'issue.information_requested': 'admin.webhooks.events.issueInformationRequested',
} as const satisfies Record<WebhookEvent, string>;

export const EVENTS = Object.keys(EVENT_LABELS) as WebhookEvent[];

export function isEvent(value: string): value is WebhookEvent {
  return Object.hasOwn(EVENT_LABELS, value);
}

/** Where a delivery stands: delivered, given up, or waiting for its next attempt. */
export type DeliveryOutcome =
  | { state: 'delivered'; at: string }
  | { state: 'failed'; at: string }
  | { state: 'pending'; at: string }
  | { state: 'unknown' };

export function deliveryOutcome(delivery: WebhookDelivery): DeliveryOutcome {
  if (delivery.delivered_at) return { state: 'delivered', at: delivery.delivered_at };
  if (delivery.failed_at) return { state: 'failed', at: delivery.failed_at };
  if (delivery.next_attempt_at) return { state: 'pending', at: delivery.next_attempt_at };
  return { state: 'unknown' };
}

import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type Category = Schemas['Category'];
export type FieldDefinition = Schemas['FieldDefinition'];
export type IssueStatus = Schemas['IssueStatus'];
export type Moderation = Schemas['Moderation'];
export type PublicIssue = Schemas['PublicIssue'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type PhotoView = Schemas['PhotoView'];
export type City = Schemas['City'];
export type Location = Schemas['Location'];
export type Unit = Schemas['Unit'];
export type Channel = Schemas['Channel'];

/** A value of a category's extra field as the API carries it (the schema leaves it untyped). */
export type FieldValue = string | number | boolean | string[];

/** Extra field values by key. */
export type FieldValues = Partial<Record<string, FieldValue>>;

/** The statuses in the order an issue goes through them. */
export const ISSUE_STATUSES = ['new', 'accepted', 'in_progress', 'done', 'closed'] as const satisfies readonly IssueStatus[];

/** Every way an issue reaches the city (R1.7). */
export const CHANNELS = ['web', 'mobile', 'api', 'phone', 'email', 'epuap', 'letter', 'in_person'] as const satisfies readonly Channel[];

/** The values of an issue's extra fields, typed (the schema describes them as a free-form object). */
export function fieldValuesOf(issue: { field_values: unknown }): FieldValues {
  const values = issue.field_values;
  return typeof values === 'object' && values !== null ? values : {};
}

/** An issue's number as it appears in addresses: `2026/000123` → `2026-000123`. */
export function urlNumber(number: string): string {
  return number.replace('/', '-');
}

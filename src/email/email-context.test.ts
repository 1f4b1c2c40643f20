import { describe, expect, it } from 'vitest';
import { type EmailFacts, LAYOUT_FIELDS, TEMPLATE_VARIABLES, templateVariables } from './email-context.js';
import { sampleFacts } from './render-email.js';

const NOW = Date.UTC(2026, 10, 27, 15);

function leafPaths(value: unknown, prefix = ''): string[] {
  // A list (a reschedule request's suggestions) is one variable; its items' fields are described with it.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, prefix ? `${prefix}.${key}` : key));
}

function variablesOf(change: (facts: EmailFacts) => void) {
  const facts = sampleFacts(NOW);
  change(facts);
  return templateVariables(facts) as {
    booking: Record<string, unknown>;
    change: Record<string, unknown> | null;
    business: Record<string, unknown>;
    staff: Record<string, unknown>;
  };
}

describe('templateVariables', () => {
  it('documents exactly the variables a template sees', () => {
    // The sample booking, with what only the office's notice of an undeliverable email carries.
    const everything = {
      ...sampleFacts(NOW),
      undeliverable: sampleFacts(NOW, 'email_undeliverable').undeliverable,
      request: sampleFacts(NOW, 'reschedule_request_declined').request,
    };
    expect([...TEMPLATE_VARIABLES.map((v) => v.name), ...LAYOUT_FIELDS].sort()).toEqual(
      leafPaths(templateVariables(everything)).sort(),
    );
  });

  it('writes the times of the sample booking in the business zone', () => {
    expect(variablesOf(() => {}).booking).toEqual({
      id: 'b7e1c2d4-5f60-4a8b-9c3d-2e1f0a9b8c7d',
      reference: 'B7E1C2D4',
      status: 'confirmed',
      starts_at: 'Tuesday 1 December 2026, 10:00 EST',
      starts_at_short: 'Tue 1 Dec, 10:00 EST',
      date: 'Tuesday 1 December 2026',
      time: '10:00 EST',
      ends_at: 'Tuesday 1 December 2026, 11:30 EST',
      end_time: '11:30 EST',
      duration: '1 hour 30 minutes',
      starts_at_customer: 'Tuesday 1 December 2026, 09:00 CST',
      notes: 'Please use the side door.\nThe dog is friendly.',
      change_help: null,
    });
  });

  it("leaves out the customer's time when it reads the same, or their zone is unknown or invalid", () => {
    for (const timeZone of ['America/Detroit', 'America/New_York', null, 'Not/A_Zone']) {
      const variables = variablesOf((facts) => {
        facts.customer.timeZone = timeZone;
      });
      expect(variables.booking.starts_at_customer).toBeNull();
    }
  });

  it('describes the change in words', () => {
    expect(variablesOf(() => {}).change).toEqual({
      type: 'rescheduled',
      actor: 'customer',
      actor_name: 'Alice Moreno',
      channel: 'email_link',
      channel_label: 'an email link',
      reason: 'Work meeting moved',
      previous_starts_at: 'Monday 30 November 2026, 14:00 EST',
      previous_starts_at_short: 'Mon 30 Nov, 14:00 EST',
      at: 'Friday 27 November 2026, 10:00 EST',
      title: 'Booking rescheduled',
      headline: 'Alice Moreno rescheduled Standard clean to Tue 1 Dec, 10:00 EST',
      summary:
        'Alice Moreno moved Standard clean from Monday 30 November 2026, 14:00 EST to Tuesday 1 December 2026, 10:00 EST through an email link.',
      conflict_list: null,
      conflict_warning: null,
    });
    const byAdmin = variablesOf((facts) => {
      facts.change = {
        previousStartsAt: null,
        actor: 'admin',
        channel: 'portal',
        reason: null,
        type: 'cancelled',
      };
    }).change;
    expect([byAdmin?.actor_name, byAdmin?.channel_label, byAdmin?.previous_starts_at]).toEqual([
      'An administrator',
      'the customer portal',
      null,
    ]);
  });

  it('lists what the new time overlaps, for the office', () => {
    const start = Date.UTC(2026, 11, 1, 15);
    const change = variablesOf((facts) => {
      if (facts.change)
        facts.change.conflicts = [
          { kind: 'booking', startsAt: start, endsAt: start + 3_600_000 },
          { kind: 'blocked_event', startsAt: start + 1_800_000, endsAt: start + 7_200_000 },
        ];
    }).change;
    expect(change?.conflict_list).toBe(
      'another booking, Tue 1 Dec, 10:00 – 11:00 EST; blocked time, Tue 1 Dec, 10:30 – 12:00 EST',
    );
    expect(change?.conflict_warning).toBe(
      'The new time overlaps 2 other appointments or blocked times: another booking, Tue 1 Dec, 10:00 – 11:00 EST; blocked time, Tue 1 Dec, 10:30 – 12:00 EST. Open the booking to sort it out with the staff member.',
    );
  });

  it('gives null, not an empty string, for missing text, so {% if %} reads it as absent', () => {
    const variables = variablesOf((facts) => {
      if (facts.booking) facts.booking.notes = '  ';
      facts.business.changeBlockedMessage = '';
      if (facts.staff) facts.staff.name = '';
      delete facts.change;
    });
    expect([
      variables.booking.notes,
      variables.business.change_blocked_message,
      variables.staff.name,
      variables.change,
    ]).toEqual([null, null, null, null]);
  });
});

import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { LANGUAGES } from '../i18n/languages.js';
import {
  addDoubleBookingGuard,
  addRowRule,
  binaryColumnType,
  type DialectName,
  type Store,
} from './dialect.js';

/** One migration set for both databases; the few dialect-specific statements come from dialect.ts. */
function bookingCore(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('business_settings')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('services')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer', (c) => c.notNull())
        .addColumn('buffer_before_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('buffer_after_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('staff')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('working_hours', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('staff_services')
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
        .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('staff_services_pk', ['staff_id', 'service_id'])
        .execute();

      await db.schema
        .createTable('customers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('phone', 'text')
        .addColumn('timezone', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('bookings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
        .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('occupied_from', 'bigint', (c) => c.notNull())
        .addColumn('occupied_until', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sqlIn('status', ['confirmed', 'cancelled', 'completed'])),
        )
        .addColumn('allows_overlap', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notes', 'text')
        .addColumn('reschedule_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('bookings_staff_time')
        .on('bookings')
        .columns(['staff_id', 'occupied_from', 'occupied_until'])
        .execute();
      await db.schema.createIndex('bookings_starts_at').on('bookings').column('starts_at').execute();
      await db.schema.createIndex('bookings_customer').on('bookings').column('customer_id').execute();
      await addDoubleBookingGuard(db, dialect);

      await db.schema
        .createTable('booking_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
        .addColumn('booking_version', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('from_starts_at', 'bigint')
        .addColumn('to_starts_at', 'bigint')
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createIndex('booking_history_booking')
        .on('booking_history')
        .columns(['booking_id', 'booking_version'])
        .execute();

      await db.schema
        .createTable('blocked_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('cascade'))
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('blocked_events_time')
        .on('blocked_events')
        .columns(['starts_at', 'ends_at'])
        .execute();

      await db.schema
        .createTable('admin_users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('admin_credentials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('admin_id', 'text', (c) => c.notNull().references('admin_users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('idempotency_records')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_fingerprint', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_records_pk', ['scope', 'key'])
        .execute();
    },
  };
}

const email: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('outbox_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('booking_id', 'text', (c) => c.references('bookings.id'))
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['pending', 'sending', 'sent', 'failed'])),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('subject', 'text')
      .addColumn('html', 'text')
      .addColumn('text', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('outbox_due')
      .on('outbox_messages')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('outbox_booking')
      .on('outbox_messages')
      .columns(['booking_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('booking_reminders')
      .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
      .addColumn('starts_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['pending', 'queued', 'dropped'])),
      )
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('handled_at', 'bigint')
      .addPrimaryKeyConstraint('booking_reminders_pk', ['booking_id', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('booking_reminders_due')
      .on('booking_reminders')
      .columns(['status', 'starts_at'])
      .execute();

    await db.schema
      .createTable('booking_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('booking_links_booking').on('booking_links').column('booking_id').execute();

    await db.schema
      .createTable('email_templates')
      .addColumn('kind', 'text', (c) => c.primaryKey())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

const portal: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customer_sign_in_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('portal_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('booking_id', 'text', (c) => c.references('bookings.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/** Busy-time reads filter blocked events by staff member; without this index they read every one. */
const blockedEventsByStaff: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('blocked_events_staff_time')
      .on('blocked_events')
      .columns(['staff_id', 'starts_at', 'ends_at'])
      .execute();
  },
};

/**
 * What the database itself refuses, whatever the code above it does: instants far outside any calendar
 * (a year-10000 end cannot be served back as ISO 8601), ends before starts, busy times that do not cover their
 * booking, negative counts and empty durations. The app's own rules are narrower (bookable-range.ts); these
 * are the outer wall.
 */
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
const LATEST_INSTANT = Date.UTC(2200, 0, 1);
const inInstantRange = (...columns: string[]) =>
  columns.map((column) => `${column} BETWEEN ${EARLIEST_INSTANT} AND ${LATEST_INSTANT}`).join(' AND ');

function rowRules(dialect: DialectName): Migration {
  const rules = [
    {
      table: 'bookings',
      name: 'bookings_instants_in_range',
      condition: (c: (n: string) => string) =>
        inInstantRange(c('starts_at'), c('ends_at'), c('occupied_from'), c('occupied_until')),
    },
    {
      table: 'bookings',
      name: 'bookings_time_order',
      condition: (c: (n: string) => string) =>
        `${c('ends_at')} > ${c('starts_at')} AND ${c('occupied_from')} <= ${c('starts_at')} AND ${c('occupied_until')} >= ${c('ends_at')}`,
    },
    {
      table: 'bookings',
      name: 'bookings_counts',
      condition: (c: (n: string) => string) =>
        `${c('reschedule_count')} >= 0 AND ${c('version')} >= 1 AND ${c('allows_overlap')} IN (0, 1)`,
    },
    {
      table: 'booking_history',
      name: 'booking_history_instants_in_range',
      condition: (c: (n: string) => string) => inInstantRange(c('from_starts_at'), c('to_starts_at')),
    },
    {
      table: 'blocked_events',
      name: 'blocked_events_instants_in_range',
      condition: (c: (n: string) => string) => inInstantRange(c('starts_at'), c('ends_at')),
    },
    {
      table: 'blocked_events',
      name: 'blocked_events_time_order',
      condition: (c: (n: string) => string) => `${c('ends_at')} > ${c('starts_at')}`,
    },
    {
      table: 'services',
      name: 'services_durations',
      condition: (c: (n: string) => string) =>
        `${c('duration_minutes')} > 0 AND ${c('buffer_before_minutes')} >= 0 AND ${c('buffer_after_minutes')} >= 0 AND ${c('active')} IN (0, 1)`,
    },
    {
      table: 'booking_reminders',
      name: 'booking_reminders_instant_in_range',
      condition: (c: (n: string) => string) => inInstantRange(c('starts_at')),
    },
    {
      table: 'outbox_messages',
      name: 'outbox_messages_attempts',
      condition: (c: (n: string) => string) => `${c('attempts')} >= 0`,
    },
  ];
  return {
    async up(db: Kysely<unknown>) {
      for (const rule of rules) await addRowRule(db, dialect, rule);
    },
  };
}

/** Rate limits shared by every app process on the database (src/limits/). */
const rateLimitCounters: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_limit_counters')
      .addColumn('bucket', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull().check(sql`hits >= 0`))
      .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('rate_limit_counters_window_end')
      .on('rate_limit_counters')
      .column('window_ends_at')
      .execute();
  },
};

/**
 * Per-message leases and a 24-hour retry window: the outbox remembers when a message was first tried. Rows
 * already retrying start their window at their creation. Indexes let housekeeping find expired rows without
 * reading whole tables.
 */
const outboxDelivery: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox_messages').addColumn('first_attempt_at', 'bigint').execute();
    await sql`update outbox_messages set first_attempt_at = created_at where attempts > 0`.execute(db);
    await db.schema.createIndex('outbox_sent_at').on('outbox_messages').column('sent_at').execute();
    await db.schema
      .createIndex('portal_sessions_expires_at')
      .on('portal_sessions')
      .column('expires_at')
      .execute();
    await db.schema
      .createIndex('customer_sign_in_links_expires_at')
      .on('customer_sign_in_links')
      .column('expires_at')
      .execute();
    await db.schema
      .createIndex('admin_credentials_expires_at')
      .on('admin_credentials')
      .column('expires_at')
      .execute();
    await db.schema
      .createIndex('idempotency_records_created_at')
      .on('idempotency_records')
      .column('created_at')
      .execute();
  },
};

/**
 * A business's brand and its customers' language: each customer's own language (or none: the business's),
 * and the logo, kept in the database like everything else so that every app process serves the same one.
 */
function brand(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('customers').addColumn('language', 'text').execute();
      await addRowRule(db, dialect, {
        table: 'customers',
        name: 'customers_language',
        // Our own constants, never user input.
        condition: (c) => `${c('language')} IS NULL OR ${c('language')} IN ('${LANGUAGES.join("', '")}')`,
      });
      await db.schema
        .createTable('business_logo')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('content_type', 'text', (c) =>
          c.notNull().check(sqlIn('content_type', ['image/png', 'image/jpeg', 'image/webp'])),
        )
        .addColumn('image', binaryColumnType(dialect), (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}

/**
 * The office's reschedule requests (docs/decisions/0014-reschedule-requests.md): at most one pending request a
 * booking (a partial unique index, so two offices asking at once cannot both win). History entries say which
 * request they belong to and, for a move to another staff member, from whom to whom; `position` orders the
 * entries a single change writes at one instant.
 */
const rescheduleRequests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reschedule_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
      .addColumn('batch_id', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['pending', 'accepted', 'declined', 'expired', 'withdrawn'])),
      )
      .addColumn('message', 'text')
      .addColumn('respond_by', 'bigint', (c) => c.notNull())
      .addColumn('staff_ids', 'text', (c) => c.notNull())
      .addColumn('suggested_times', 'text', (c) => c.notNull())
      .addColumn('excluded_from', 'bigint')
      .addColumn('excluded_until', 'bigint')
      .addColumn('created_actor', 'text', (c) => c.notNull())
      .addColumn('created_channel', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolved_actor', 'text')
      .addColumn('resolved_channel', 'text')
      .addColumn('response_message', 'text')
      .addColumn('accepted_starts_at', 'bigint')
      .addColumn('accepted_staff_id', 'text')
      .execute();
    await db.schema
      .createIndex('reschedule_requests_one_pending')
      .on('reschedule_requests')
      .column('booking_id')
      .unique()
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    await db.schema
      .createIndex('reschedule_requests_booking')
      .on('reschedule_requests')
      .columns(['booking_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('reschedule_requests_status_respond_by')
      .on('reschedule_requests')
      .columns(['status', 'respond_by'])
      .execute();
    await db.schema
      .createIndex('reschedule_requests_batch')
      .on('reschedule_requests')
      .column('batch_id')
      .execute();
    await db.schema.alterTable('booking_history').addColumn('request_id', 'text').execute();
    await db.schema.alterTable('booking_history').addColumn('from_staff_id', 'text').execute();
    await db.schema.alterTable('booking_history').addColumn('to_staff_id', 'text').execute();
    await db.schema
      .alterTable('booking_history')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * Email templates per language, and as blocks: a saved template is now one row per kind and language, either
 * `blocks` (the office's block list, compiled when read) or `html` (Liquid as typed). Every template saved
 * before was written for the one language there was, English, in Liquid: it moves over as an English HTML-mode
 * template, word for word, so nothing a business wrote is lost or changes.
 */
const emailTemplateBlocks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('email_template_versions')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull().check(sqlIn('language', LANGUAGES)))
      .addColumn('mode', 'text', (c) => c.notNull().check(sqlIn('mode', ['blocks', 'html'])))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('blocks', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('email_template_versions_pk', ['kind', 'language'])
      .execute();
    await sql`insert into email_template_versions (kind, language, mode, subject, html, text, blocks, updated_at)
      select kind, 'en', 'html', subject, html, text, null, updated_at from email_templates`.execute(db);
    await db.schema.dropTable('email_templates').execute();
  },
};

function sqlIn(column: string, values: readonly string[]) {
  // Values are our own constants, never user input.
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-booking-core': bookingCore(dialect),
    '0002-email': email,
    '0003-portal': portal,
    '0004-blocked-events-by-staff': blockedEventsByStaff,
    '0005-row-rules': rowRules(dialect),
    '0006-rate-limit-counters': rateLimitCounters,
    '0007-outbox-delivery': outboxDelivery,
    '0008-brand': brand(dialect),
    '0009-reschedule-requests': rescheduleRequests,
    '0010-email-template-blocks': emailTemplateBlocks,
  };
}

export async function migrateToLatest(store: Store): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(store.dialect) };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`,
    );
  }
}

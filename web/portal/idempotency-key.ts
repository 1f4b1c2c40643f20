/**
 * One key per attempted change: retrying the same change reuses it (so it acts once), a different change
 * gets a new one. crypto.randomUUID exists only in secure contexts, and a business may serve the portal
 * over plain http on its own network, so getRandomValues (available everywhere) builds the UUID.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Keeps the key while the change being attempted stays the same. */
export class ChangeAttempt {
  private key = '';
  private body = '';

  keyFor(change: unknown): string {
    const body = JSON.stringify(change);
    if (body !== this.body || !this.key) {
      this.body = body;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }

  reset(): void {
    this.key = '';
    this.body = '';
  }
}

/** Minutes since midnight of a wall-clock time "HH:MM", as working hours and the calendar's rows count. */
export function minutesOf(time: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
}

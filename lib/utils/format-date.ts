// Fixed locale and UTC so server-rendered dates are the same for every viewer and in tests.
const DATE = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatDate(iso: string | Date): string {
  return DATE.format(new Date(iso));
}

export function formatDateTime(iso: string | Date): string {
  return DATE_TIME.format(new Date(iso));
}

import { SessionAccount } from "../session-chrome";

// Slot of app/(app)/layout.tsx rendered on every navigation (see session-chrome.tsx).
export default function AccountSlot() {
  return <SessionAccount />;
}

import { SessionNav } from "../session-chrome";
import { switchOrganizationAction } from "../org-actions";

// Slot of app/(app)/layout.tsx rendered on every navigation (see session-chrome.tsx).
export default function NavSlot() {
  return <SessionNav switchOrgAction={switchOrganizationAction} />;
}

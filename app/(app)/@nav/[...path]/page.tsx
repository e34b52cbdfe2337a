import { SessionNav } from "../../session-chrome";
import { switchOrganizationAction } from "../../org-actions";

// Every path below / (the catch-all makes the slot render again on each navigation).
export default function NavSlot() {
  return <SessionNav switchOrgAction={switchOrganizationAction} />;
}

import { SessionNav } from "../session-chrome";
import { switchOrganizationAction } from "../org-actions";

export default function NavDefault() {
  return <SessionNav switchOrgAction={switchOrganizationAction} />;
}

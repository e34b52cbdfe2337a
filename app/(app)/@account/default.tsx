import { SessionAccount } from "../session-chrome";

export default function AccountDefault() {
  return <SessionAccount />;
}

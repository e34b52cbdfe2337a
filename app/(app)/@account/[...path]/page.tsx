import { SessionAccount } from "../../session-chrome";

// Every path below / (the catch-all makes the slot render again on each navigation).
export default function AccountSlot() {
  return <SessionAccount />;
}

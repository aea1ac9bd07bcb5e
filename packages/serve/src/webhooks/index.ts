export { WebhookDispatcher } from "./webhook-dispatcher.ts";

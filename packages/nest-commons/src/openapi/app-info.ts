export const HUB_APP_INFO = Symbol('HUB_APP_INFO');
export interface HubAppInfo {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

// The predicate lives in @hub/messaging (its event consumer needs it too); the HTTP layer uses the same one.
export { isDatabaseUnavailable } from '@hub/messaging';

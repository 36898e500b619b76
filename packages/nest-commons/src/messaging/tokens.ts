export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
/** The app's inbox consumers (EventConsumer[]), e.g. for a test that feeds one a message. */
export const EVENT_CONSUMERS = Symbol('EVENT_CONSUMERS');
export const MIKRO_ORM = Symbol('MIKRO_ORM');

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const TIMER_HANDLERS = Symbol('TIMER_HANDLERS');
export const EVENT_CONSUMERS = Symbol('EVENT_CONSUMERS');
export const MIKRO_ORM = Symbol('MIKRO_ORM');

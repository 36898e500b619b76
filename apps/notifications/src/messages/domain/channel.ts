/** The channels a message goes through (issue #16). */
export type Channel = 'email' | 'portal';

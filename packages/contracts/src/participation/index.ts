// Participation's published language: see issue #4 (events.ts, http.ts).
export {};

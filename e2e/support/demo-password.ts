/** The password of the demo accounts on the journeys' shared demo server. */
export const DEMO_PASSWORD = 'e2e-demo-password';

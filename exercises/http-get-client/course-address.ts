/** Host name and port the course's client hard-codes. (A module of its own, so that the Spanish catalogue can name them without loading the checks.) */
export const WEB_HOST = 'example.com';
export const WEB_PORT = 80;

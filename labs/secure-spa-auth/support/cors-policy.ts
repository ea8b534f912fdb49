/** The API's CORS settings: which pages may call it, and how. */
export interface CorsPolicy {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  /**
   * Whether the browser may send the API its credentials (cookies, or its own HTTP
   * authentication) and show the page the answer. A token the page puts in an Authorization
   * header itself is not one of them: that header only has to be in allowedHeaders.
   */
  allowCredentials: boolean;
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds: number;
}

export const API_CORS_POLICY: CorsPolicy = {
  allowedOrigins: ['https://app.example.com', 'https://staging.app.example.com'],
  allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  // The SPA sends its session token as a bearer token in Authorization, not in a cookie.
  allowCredentials: false,
  maxAgeSeconds: 600,
};

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
}

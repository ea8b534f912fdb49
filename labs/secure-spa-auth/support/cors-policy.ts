/** The API's CORS settings: which pages may call it, and how. */
export interface CorsPolicy {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  /** The SPA sends cookies or an Authorization header, so responses must allow credentials. */
  allowCredentials: boolean;
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds: number;
}

export const API_CORS_POLICY: CorsPolicy = {
  allowedOrigins: ['https://app.example.com', 'https://staging.app.example.com'],
  allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  allowCredentials: true,
  maxAgeSeconds: 600,
};

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
}

/** The shapes the generator works with (ADR 0100): a Kubernetes object and an overlay of sizes. */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
} & Record<string, unknown>;

interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** A destination outside the platform's pods: pods in a namespace (optionally by labels) or address blocks, on one port. */
export interface EgressPeer {
  namespace?: string;
  podLabels?: Record<string, string>;
  cidrs?: string[];
  port: number;
  /** DNS answers on UDP and TCP. */
  udp?: boolean;
}

export interface Overlay {
  namespace: string;
  imageRegistry: string;
  imageTag: string;
  /** `tokenUrl`: the IdP's token endpoint, where the platform's workers get client-credentials tokens (ADR 0106). */
  auth: { issuer: string; audience: string; jwksUrl: string; tokenUrl: string };
  web: { publicIssuerUrl: string; clientId: string };
  publicBaseUrl: string;
  /** `clamdUrl` (ADR 0117): the ClamAV daemon that scans every upload, `tcp://host:port`. */
  documents: { s3Endpoint: string; s3PublicEndpoint: string; s3Bucket: string; s3Region: string; clamdUrl: string };
  ingressNamespace: string;
  /** The Ingress of the web app (publicBaseUrl's host) and of the gateway (apiHost), ADR 0103. */
  ingress: { className: string; apiHost: string; tlsSecret: string; annotations?: Record<string, string> };
  monitoringNamespace: string;
  /** ADR 0102: the OpenTelemetry Collector's OTLP/HTTP endpoint the apps export spans to. */
  tracing: { otlpEndpoint: string };
  /** Where docs/runbooks/ is browsed (the alerts' runbook_url). */
  runbookBaseUrl: string;
  /** ADR 0112 §4 (ASVS 1.14): where the apps' pods may connect besides the platform's own pods — per overlay, as its addresses differ. */
  egress: {
    dns: EgressPeer;
    otlp: EgressPeer;
    /** The IdP (JWKS and, for service clients, the token endpoint). */
    idp: EgressPeer;
    /** documents' object store (ADR 0045). */
    s3: EgressPeer;
    /** notifications' mail relay. */
    smtp: EgressPeer;
    /** documents' malware scanner, clamd (ADR 0117). */
    clamd: EgressPeer;
  };
  /** ADR 0110: the Fund's own BIN (12 digits), `HUB_FUND_BIN` of every app whose configuration reads it. */
  fund: { bin: string };
  apps: { replicas: number; maxReplicas: number; pdbMinAvailable: number } & Resources;
  kafka: { replicas: number; storage: string; topicReplicas: number; minInsyncReplicas: number; resources: Resources };
  postgres: { instances: number; storage: string; resources: Resources };
  backup: { destinationPath: string; endpointURL: string; retentionPolicy: string; schedule: string; credentialsSecret: string };
}

import type { Manifest, Overlay } from './types.js';

/**
 * Scraping and alerts for the Prometheus Operator (issue #19, ADR 0101): one PodMonitor for every
 * app's /metrics, one PrometheusRule with the platform's alerts. Each alert names its runbook in
 * docs/runbooks/ and uses only metrics the apps expose (the test checks both).
 *
 * Series come from every replica: a database-backed gauge (outbox, timers, deadlines) is the same
 * figure on each, so alerts take `max`, never `sum`, of those; counters and HTTP rates are summed.
 */
export interface Alert {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: 'critical' | 'warning' | 'info';
  readonly summary: string;
  /** File name under docs/runbooks/, without .md. */
  readonly runbook: string;
}

const APP = 'app_kubernetes_io_name';

export const ALERTS: readonly Alert[] = [
  {
    alert: 'HubAppDown',
    expr: `up{job=~".*/hub-apps"} == 0`,
    for: '5m',
    severity: 'critical',
    summary: '{{ $labels.pod }} does not answer /metrics',
    runbook: 'app-down',
  },
  {
    alert: 'HubOutboxLag',
    expr: `max by (${APP}) (hub_outbox_lag_seconds) > 300`,
    for: '5m',
    severity: 'critical',
    summary: '{{ $labels.app_kubernetes_io_name }}: the oldest unpublished event is {{ $value | humanizeDuration }} old',
    runbook: 'outbox-stuck',
  },
  {
    alert: 'HubConsumerLag',
    expr: `max by (${APP}, consumer) (hub_consumer_lag_messages) > 1000`,
    for: '15m',
    severity: 'warning',
    summary: '{{ $labels.consumer }} is {{ $value }} messages behind',
    runbook: 'consumer-lag',
  },
  {
    alert: 'HubConsumerStopped',
    expr: `max by (${APP}, consumer) (hub_consumer_stopped) > 0`,
    for: '5m',
    severity: 'critical',
    summary: '{{ $labels.consumer }} was refused by the broker and consumes nothing (ACLs?)',
    runbook: 'consumer-lag',
  },
  {
    alert: 'HubDeadLetters',
    expr: `sum by (${APP}, consumer) (increase(hub_consumer_dead_letters_total[30m])) > 0`,
    for: '0m',
    severity: 'warning',
    summary: '{{ $labels.consumer }} dead-lettered {{ $value }} messages in 30 minutes',
    runbook: 'dead-letters',
  },
  {
    alert: 'HubTimersOverdue',
    expr: `max by (${APP}) (hub_timers_due) > 0`,
    for: '10m',
    severity: 'warning',
    summary: '{{ $labels.app_kubernetes_io_name }}: {{ $value }} durable timers are due and have not fired',
    runbook: 'timers-overdue',
  },
  {
    alert: 'HubTimersFailed',
    expr: `max by (${APP}) (hub_timers_failed) > 0`,
    for: '0m',
    severity: 'critical',
    summary: '{{ $labels.app_kubernetes_io_name }}: {{ $value }} durable timers failed for good',
    runbook: 'timers-overdue',
  },
  {
    alert: 'HubStatutoryDeadlineOverdue',
    expr: `max by (kind, rule) (hub_registration_deadlines_overdue) > 0`,
    for: '15m',
    severity: 'critical',
    summary: "The Fund's {{ $labels.rule }} deadline ({{ $labels.kind }}) has passed with the step not done",
    runbook: 'statutory-deadlines',
  },
  {
    alert: 'HubParticipantObligationsOverdue',
    expr: `max by (kind, rule) (hub_participation_obligations_open{overdue="true"}) > 0`,
    for: '1h',
    severity: 'info',
    summary: "{{ $value }} participants' {{ $labels.kind }} obligations ({{ $labels.rule }}) are overdue",
    runbook: 'statutory-deadlines',
  },
  {
    alert: 'HubHousingVacatingOverdue',
    expr: `max (hub_housing_allocations{status="vacating-overdue"}) > 0`,
    for: '1h',
    severity: 'info',
    summary: '{{ $value }} beds are past their F-61 vacating deadline',
    runbook: 'statutory-deadlines',
  },
  {
    // Issue #18: the gateway stopped calling a context (ADR 0043 amendment, circuit breaker).
    alert: 'HubGatewayCircuitOpen',
    expr: `max by (upstream) (hub_gateway_upstream_circuit_state) == 2`,
    for: '2m',
    severity: 'critical',
    summary: 'The gateway has stopped calling {{ $labels.upstream }}: its circuit is open (the context refuses or times out)',
    runbook: 'circuit-open',
  },
  {
    alert: 'HubHttp5xxRate',
    expr: `sum by (${APP}) (rate(hub_http_requests_total{status=~"5.."}[5m])) / sum by (${APP}) (rate(hub_http_requests_total[5m])) > 0.05`,
    for: '10m',
    severity: 'critical',
    summary: '{{ $labels.app_kubernetes_io_name }}: {{ $value | humanizePercentage }} of requests answer 5xx',
    runbook: 'http-5xx',
  },
];

/** Panels of each app's Grafana dashboard: PromQL over the app's own series (`$app` = its name). */
export interface Panel {
  readonly title: string;
  readonly expr: string;
  readonly unit: string;
  /** Only for apps that run workers (contexts): outbox, consumers, timers. */
  readonly contextsOnly?: boolean;
}

const SEL = `${APP}="$app"`;
export const PANELS: readonly Panel[] = [
  { title: 'Requests per second by status', expr: `sum by (status) (rate(hub_http_requests_total{${SEL}}[5m]))`, unit: 'reqps' },
  {
    title: 'Latency p95 by route',
    expr: `histogram_quantile(0.95, sum by (le, route) (rate(hub_http_request_duration_seconds_bucket{${SEL}}[5m])))`,
    unit: 's',
  },
  { title: 'Outbox: events waiting', expr: `max (hub_outbox_pending_events{${SEL}})`, unit: 'short', contextsOnly: true },
  { title: 'Outbox: age of the oldest waiting event', expr: `max (hub_outbox_lag_seconds{${SEL}})`, unit: 's', contextsOnly: true },
  { title: 'Consumer lag by consumer', expr: `max by (consumer) (hub_consumer_lag_messages{${SEL}})`, unit: 'short', contextsOnly: true },
  {
    title: 'Messages consumed by outcome',
    expr: `sum by (consumer, outcome) (rate(hub_consumer_messages_total{${SEL}}[5m]))`,
    unit: 'ops',
    contextsOnly: true,
  },
  { title: 'Dead letters (30 min)', expr: `sum by (consumer) (increase(hub_consumer_dead_letters_total{${SEL}}[30m]))`, unit: 'short', contextsOnly: true },
  { title: 'Timers due and failed', expr: `max (hub_timers_due{${SEL}}) or max (hub_timers_failed{${SEL}})`, unit: 'short', contextsOnly: true },
];

/** A Grafana dashboard (JSON model) for one app, as a ConfigMap the Grafana sidecar loads (label grafana_dashboard). */
export function dashboardOf(app: string, context: boolean): object {
  const panels = PANELS.filter((p) => context || !p.contextsOnly).map((p, i) => ({
    id: i + 1,
    type: 'timeseries',
    title: p.title,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
    fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
    targets: [{ refId: 'A', expr: p.expr.replaceAll('$app', app) }],
  }));
  return {
    uid: `hub-${app}`,
    title: `Hub — ${app}`,
    tags: ['hub-platform'],
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ name: 'datasource', type: 'datasource', query: 'prometheus' }] },
    panels,
  };
}

export function renderMonitoring(o: Overlay, apps: readonly { name: string; kind: string }[] = []): Manifest[] {
  const l = { 'app.kubernetes.io/part-of': 'hub-platform', 'app.kubernetes.io/component': 'monitoring' };
  return [
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'hub-apps', namespace: o.namespace, labels: l },
      spec: {
        selector: {
          matchLabels: { 'app.kubernetes.io/part-of': 'hub-platform', 'app.kubernetes.io/component': 'api' },
          matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'NotIn', values: ['web'] }],
        },
        podTargetLabels: ['app.kubernetes.io/name'],
        podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '30s' }],
      },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'hub-platform', namespace: o.namespace, labels: l },
      spec: {
        groups: [
          {
            name: 'hub-platform',
            rules: ALERTS.map((a) => ({
              alert: a.alert,
              expr: a.expr,
              for: a.for,
              labels: { severity: a.severity },
              annotations: { summary: a.summary, runbook_url: `${o.runbookBaseUrl}/${a.runbook}.md` },
            })),
          },
        ],
      },
    },
    ...apps
      .filter((a) => a.kind !== 'web')
      .map((a): Manifest => ({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `${a.name}-dashboard`, namespace: o.namespace, labels: { ...l, grafana_dashboard: '1', 'hub.kz/context': a.name } },
        data: { [`hub-${a.name}.json`]: JSON.stringify(dashboardOf(a.name, a.kind === 'context'), null, 2) },
      })),
  ];
}

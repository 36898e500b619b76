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
    alert: 'HubRequestsOverdue',
    expr: `max by (__name__) ({__name__=~"hub_(clusters|notifications|training)_requests", status="overdue"}) > 0`,
    for: '1h',
    severity: 'info',
    summary: '{{ $value }} requests ({{ $labels.__name__ }}) are overdue',
    runbook: 'statutory-deadlines',
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

export function renderMonitoring(o: Overlay): Manifest[] {
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
  ];
}

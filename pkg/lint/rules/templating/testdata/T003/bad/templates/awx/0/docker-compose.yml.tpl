version: '2'
services:
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
    labels:
    {{- if .Values.LB_HOST_LABEL }}  # want T003
      io.rancher.scheduler.affinity:host_label: ${LB_HOST_LABEL}
    {{- end }}
  web:
    image: ansible/awx_web:{{ .Values.awx_version }}  # want T003
    {{- range $i, $h := splitPreserveQuotes $.Values.EXTRA_HOSTS }}  # want T003
    {{- end }}
    environment:
      SECRET_KEY: {{ index .Values "SECRET" }}  # want T003

version: '2'
services:
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
    labels:
    {{- if .Values.LB_HOST_LABEL }}  # want T003:12 "`.Values.LB_HOST_LABEL` is not a question of this version: it is always missing, so it prints `<no value>`"
      io.rancher.scheduler.affinity:host_label: ${LB_HOST_LABEL}
    {{- end }}
  web:
    image: ansible/awx_web:{{ .Values.awx_version }}  # want T003:31 "`.Values.awx_version` is not a question of this version: it is always missing, so it prints `<no value>`"
    {{- range $i, $h := splitPreserveQuotes $.Values.EXTRA_HOSTS }}  # want T003:45 "`.Values.EXTRA_HOSTS` is not a question of this version: it is always missing, so it prints `<no value>`"
    {{- end }}
    environment:
      SECRET_KEY: {{ index .Values "SECRET" }}  # want T003:22 "`.Values.SECRET` is not a question of this version: it is always missing, so it prints `<no value>`"

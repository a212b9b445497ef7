version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.scheduler.affinity:host_label: ${pin}
{{- if eq .Values.with_worker "true" }}
  worker:
    image: example/worker:1.0
    labels:
      io.rancher.scheduler.affinity:host_label: ${pin}
{{- end }}

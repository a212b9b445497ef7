version: '2'
services:
  web:
    image: nginx:1.25.3
    environment:
      SITE: ${site}
      STACK: {{ .Stack.Name }}
      LITERAL: a$$b
{{- if eq .Values.tls "true" }}
      TLS: "on"
{{- end }}
    ports:
      - ${port}:80
    labels:
      io.rancher.scheduler.affinity:container_label_ne: io.rancher.stack_service.name=$${stack_name}/$${service_name}
      ${site}-key: kept

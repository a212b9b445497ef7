version: '2'
services:
  web:
    image: nginx:1.25
    {{- if eq .Values.SPREAD "true" }}
    labels:
      io.rancher.scheduler.affinity:container_label_ne: io.rancher.stack_service.name=$${stack_name}/${service_name}  # want I004:102 "service \"web\", labels.io.rancher.scheduler.affinity:container_label_ne"
    {{- end }}

version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.container.pull_image:  # want D006
      io.rancher.scheduler.affinity:host_label: {{ .Values.HOST_LABEL }}  # want D006
      other: ~  # want D006
      fine: ""

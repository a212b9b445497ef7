version: '2'
services:
  setup:
    image: vmware/harbor-setup:1.2.0
    {{- if eq .Values.acme_enable "true" }}
    volume_driver: ${VOLUME_DRIVER}  # want I002:20 `service "setup", volume_driver: \$\{VOLUME_DRIVER\} is not a question of this version, so Rancher substitutes`
    {{- end }}

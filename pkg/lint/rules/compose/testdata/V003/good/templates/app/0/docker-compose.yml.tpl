version: '2'
services:
  web:
    image: nginx:1.25
volumes:
  data:
    driver: ${VOLUME_DRIVER}
    driver_opts:
      onRemove: purge
      size: 10
      exportBase: ${EXPORT}
  shared:
    external: true
  named:
    external:
      name: other-volume
  tools-volume:
    per_container: true
  plain:
  ${acme_vol_name}:
    driver: local
{{- if eq .Values.EXTRA "true" }}
  extra.v1:
    driver: local
{{- end }}

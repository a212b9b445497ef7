version: '2'
services:
  {{ .Values.SERVICE_NAME }}:
    image: rawmind/alpine-traefik:1.7.18
    labels:
      - "${LABEL_PREFIX}.enable=true"
      - costs=$$5
    volumes:
      - ${acme_vol_name}:/opt/traefik/acme
volumes:
  {{ .Values.acme_vol_name }}:
    driver: local

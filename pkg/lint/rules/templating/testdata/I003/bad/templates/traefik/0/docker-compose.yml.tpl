version: '2'
services:
  ${SERVICE_NAME}:  # want I003
    image: rawmind/alpine-traefik:1.7.18
    labels:
      ${LABEL_PREFIX}.enable: "true"  # want I003
    environment:
      "$DOMAIN_VAR": x  # want I003
  {{- if eq .Values.acme_enable "true" }}
  traefik-acme:
    image: rawmind/alpine-volume:0.0.2-3
    volumes:
      - ${acme_vol_name}:/opt/traefik/acme
  {{- end }}
volumes:
  {{- if eq .Values.acme_enable "true" }}
  ${acme_vol_name}:  # want I003
    driver: local
  {{- end }}
networks:
  ${NETWORK}:  # want I003
    external: true

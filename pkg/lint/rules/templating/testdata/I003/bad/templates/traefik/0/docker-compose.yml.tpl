version: '2'
services:
  ${SERVICE_NAME}:  # want I003:3 `service name "\$\{SERVICE_NAME\}" is a key, and Rancher interpolates values only`
    image: rawmind/alpine-traefik:1.7.18
    labels:
      ${LABEL_PREFIX}.enable: "true"  # want I003:7 `label key "\$\{LABEL_PREFIX\}.enable" contains \$\{LABEL_PREFIX\}, but Rancher interpolates values only, so the key`
    environment:
      "$DOMAIN_VAR": x  # want I003:8 `environment variable name "\$DOMAIN_VAR" contains \$DOMAIN_VAR, but Rancher interpolates values only`
  {{- if eq .Values.acme_enable "true" }}
  traefik-acme:
    image: rawmind/alpine-volume:0.0.2-3
    volumes:
      - ${acme_vol_name}:/opt/traefik/acme
  {{- end }}
volumes:
  {{- if eq .Values.acme_enable "true" }}
  ${acme_vol_name}:  # want I003:3 `volume name "\$\{acme_vol_name\}" is a key, and Rancher interpolates values only`
    driver: local
  {{- end }}
networks:
  ${NETWORK}:  # want I003:3 `network name "\$\{NETWORK\}" is a key, and Rancher interpolates values only`
    external: true

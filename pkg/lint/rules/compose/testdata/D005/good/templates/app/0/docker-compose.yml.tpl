version: '2'
services:
  a:
    image: busybox:1.36
  b:
    image: registry.example.com:5000/team/app:2.1
  c:
    image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
  ext:
    image: rancher/external-service
  alias:
    image: rancher/dns-service
  legacy-lb:
    image: rancher/load-balancer-service
  lb:
    image: rancher/lb-service-haproxy:v0.9.14
  d:
    image: mysql:${MYSQL_TAG}
  e:
    image: ${NEEDED}
  f:
    image: {{ .Values.IMAGE }}
  g:
    image: latest-app/latest:1.0
  h:
    image: {{ .Values.NEEDED }}

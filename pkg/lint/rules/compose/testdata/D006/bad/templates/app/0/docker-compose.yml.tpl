version: '2'
services:
  web:
    image: nginx:1.25
    labels:
      io.rancher.container.pull_image:  # want D006:7 `label "io.rancher.container.pull_image" of service "web" has no value \(null\)`
      io.rancher.scheduler.affinity:host_label: {{ .Values.HOST_LABEL }}  # want D006:1 `label "io.rancher.scheduler.affinity:host_label" of service "web" renders to null \(its template produces`
      other: ~  # want D006:7 `label "other" of service "web" has no value \(null\): Rancher fails with "Cannot unmarshal '<nil>'"`
      fine: ""

dns:
  image: rancher/external-dns:v0.7.12

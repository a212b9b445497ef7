package rules_test

import (
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
	"github.com/catalogen/catalogen/pkg/lint/linttest"
	"github.com/catalogen/catalogen/pkg/lint/rules"
)

// oddComposeFiles are docker-compose files of every wrong shape: the stack
// analysis (package catalog/stack) and every rule must read them without
// crashing.
var oddComposeFiles = []string{
	"",
	"[]",
	"just a scalar",
	"version: '2'\nservices: []",
	"version: '2'\nservices: foo",
	"version: '2'\nservices:\n  web: foo\n  db: [1, 2]\n  x: ~",
	"web:\n  labels: foo\n  ports: foo\n  volumes: foo\n  volumes_from: {a: b}\n  network_mode: [x]\n  logging: foo",
	"web:\n  labels: [[a], {b: c}, 'io.rancher.sidekicks=web', 'io.rancher.scheduler.global']\n",
	"web:\n  labels:\n    io.rancher.sidekicks: [a, b]\n    io.rancher.scheduler.global: {a: b}\n    io.rancher.scheduler.affinity:host_label: [x]\n    traefik.enable: ~\n    traefik.port: {a: 1}\n    io.rancher.service.selector.link: ''\n",
	"web:\n  ports: [{target: 80}, [1], '', ':', '80:', 'a:b:c:d', '99999:1', '1-70000:1', '[::1]:80:80', '8000-8100:8000-8100/udp']\n  volumes: [{type: bind}, '', ':', '/a:/b:ro:x']\n",
	"web:\n  logging:\n    driver: syslog\n    options: [a]\nweb2:\n  logging:\n    driver: syslog\n    options:\n      syslog-address: '%zz'\nweb3:\n  log_driver: syslog\n  log_opt: foo\n",
	"lb:\n  image: rancher/lb-service-haproxy:v0.9.14\n  lb_config: foo\nlb2:\n  image: rancher/lb-service-haproxy:v0.9.14\n  lb_config:\n    port_rules: {a: b}\nlb3:\n  image: rancher/lb-service-haproxy:v0.9.14\n  lb_config:\n    port_rules: [a, {service: [x]}, {service: ~}]\nold:\n  image: rancher/load-balancer-service\n  links: {a: b}\n",
	"base: &base\n  image: busybox\n  labels:\n    io.rancher.sidekicks: y, z\n  volumes_from: [y]\ny: *base\nz:\n  <<: *base\n  network_mode: container:y\n",
	"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nweb:\n  labels: *d\n  ports: *d\n  volumes: *d\n",
	"version: '2'\nvolumes: [a]\nservices:\n  web:\n    volumes: ['a:/a']\n",
	"version: '2'\nvolumes:\n  a: foo\n  b:\n    driver: [x]\n    external: {name: x}\n  c: ~\nservices:\n  web:\n    volume_driver: [x]\n    volumes: ['a:/a', 'b:/b', 'c:/c']\n",
	"web:\n  image: x\n  labels:\n    io.rancher.sidekicks: ',,'\n    io.rancher.scheduler.affinity:host_label: ',=,a=,=b,a=b=c, x = y '\n    io.rancher.service.selector.container: '(,),in,notin, in (, notin ('\n",
	"web:\n  labels:\n    io.rancher.sidekicks: $\n    io.rancher.scheduler.affinity:host_label: ${\n    traefik.port: ${X:-80}\n",
	"{{ if }}",
	"web:\n  labels:\n    io.rancher.sidekicks: {{ .Values.X }}\n",
}

var oddRancherCompose = []string{
	"",
	".catalog:\n  version: '1'\n  questions: foo\n",
	".catalog:\n  version: '1'\n  questions:\n    - variable: X\n      default: [a]\n    - foo\n    - variable: volumedriver\n      default: local\nweb: foo\nlb:\n  lb_config:\n    port_rules: foo\n",
	"version: '2'\ncatalog:\n  version: '1'\nservices:\n  web:\n    labels: [1]\n    health_check: foo\n",
}

func TestOddStacks(t *testing.T) { checkOdd(t, rules.All()) }

func checkOdd(t *testing.T, rules []*lint.Rule) {
	for i, dc := range oddComposeFiles {
		for j, rc := range oddRancherCompose {
			for _, name := range []string{"docker-compose.yml", "docker-compose.yml.tpl"} {
				cat, err := catalog.LoadFiles(map[string][]byte{
					"templates/odd/config.yml":            []byte("name: odd\nversion: '1'\n"),
					"templates/odd/0/" + name:             []byte(dc),
					"templates/odd/0/rancher-compose.yml": []byte(rc),
				}, catalog.Options{})
				if err != nil {
					t.Fatal(err)
				}
				res := lint.Run(cat, rules, lint.Settings{})
				for _, e := range res.Internal {
					t.Errorf("compose %d, rancher-compose %d, %s: %v", i, j, name, e)
				}
			}
		}
	}
}

func FuzzStack(f *testing.F) {
	for _, dc := range oddComposeFiles {
		f.Add(dc, oddRancherCompose[2])
	}
	f.Fuzz(func(t *testing.T, dc, rc string) {
		linttest.LintFiles(t, map[string][]byte{
			"templates/odd/config.yml":            []byte("name: odd\nversion: '1'\n"),
			"templates/odd/0/docker-compose.yml":  []byte(dc),
			"templates/odd/0/rancher-compose.yml": []byte(rc),
		}, rules.All())
	})
}

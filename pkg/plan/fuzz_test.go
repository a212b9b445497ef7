package plan

import (
	"bytes"
	"testing"

	"github.com/catalogen/catalogen/pkg/catalog"
)

// FuzzPlan plans any compose file on any inventory: a plan or an error,
// never a panic, and every format writes.
func FuzzPlan(f *testing.F) {
	for _, dc := range []string{
		"web:\n  image: nginx\n  labels:\n    io.rancher.scheduler.affinity:host_label: a=b\n",
		"version: '2'\nservices:\n  a:\n    labels:\n      io.rancher.sidekicks: b, a\n      io.rancher.scheduler.global: 'true'\n    ports: ['80:80', '80:80']\n  b:\n    volumes_from: [a]\n",
		"lb:\n  image: rancher/lb-service-haproxy:v0.7.9\n  ports: ['80', 'x']\n  lb_config:\n    port_rules: [{source_port: 80, service: nope}]\n",
		"a:\n  logging: {driver: syslog, options: {syslog-address: 'udp://127.0.0.1:9'}}\n  labels:\n    io.rancher.scheduler.affinity:container_label: ',=,a=,=b'\n    io.rancher.scheduler.affinity:container: x,,y\n",
		"{{ if }}",
		"version: '2'\nvolumes: {v: {driver: local}}\nservices: {a: {volumes: ['v:/v']}, b: {volumes: ['v:/v', '/data:/data']}}\n",
	} {
		f.Add(dc, "hosts:\n  - name: a\n    labels: {a: b}\n    ports: [80]\n  - name: b\nstacks: []\n")
	}
	f.Fuzz(func(t *testing.T, dc, hosts string) {
		inv, err := ParseInventory("hosts.yaml", []byte(hosts))
		if err != nil {
			return
		}
		cat, err := catalog.LoadFiles(map[string][]byte{
			"templates/app/config.yml":               []byte("name: app\nversion: '1'\n"),
			"templates/app/0/docker-compose.yml.tpl": []byte(dc),
			"templates/app/0/rancher-compose.yml":    []byte(".catalog:\n  version: '1'\n  questions:\n    - variable: x\n      default: a=b\n"),
		}, catalog.Options{Workers: 1})
		if err != nil || len(cat.Templates) == 0 || len(cat.Templates[0].Versions) == 0 {
			return
		}
		for _, opts := range []Options{{}, {Answers: map[string]string{"x": "c=d"}}} {
			p, err := New(cat.Templates[0].Versions[0], inv, opts)
			if err != nil {
				continue
			}
			var b bytes.Buffer
			for _, write := range []func(*bytes.Buffer, *Plan) error{
				func(b *bytes.Buffer, p *Plan) error { return WriteText(b, p) },
				func(b *bytes.Buffer, p *Plan) error { return WriteJSON(b, p) },
				func(b *bytes.Buffer, p *Plan) error { return WriteSVG(b, p) },
				func(b *bytes.Buffer, p *Plan) error { return WriteDot(b, p) },
			} {
				if err := write(&b, p); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

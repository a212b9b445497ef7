package templating

import (
	"strings"

	"github.com/catalogen/catalogen/pkg/catalog"
	"github.com/catalogen/catalogen/pkg/lint"
)

var ruleT002 = &lint.Rule{
	ID:       "T002",
	Slug:     "template.exec",
	Formerly: []string{"tpl.exec"},
	Severity: lint.Error,
	Summary:  "compose templates render with the default answers without an execution error",
	Doc: "Rancher's executor ignores the error returned by template execution: the stack is deployed from the output " +
		"written up to the failing action, so every service after it silently disappears. catalogen renders each file " +
		"with the questions' defaults (and a placeholder for required questions without one) and reports the action " +
		"that fails. A common cause is an operator written after its first operand, as in `(ne .Values.X \"true\") and …`. " +
		"Error: the executor (v1.6) deploys the truncated output.",
	Bad: `version: '2'
services:
  minio:
    image: minio/minio:RELEASE.2019-08-01T22-18-54Z
    {{- if (ne .Values.DEPLOY_LB "true") and .Values.PUBLISH_PORT }}
    ports:
      - ${PUBLISH_PORT}:9000
    {{- end }}`,
	Good: `version: '2'
services:
  minio:
    image: minio/minio:RELEASE.2019-08-01T22-18-54Z
    {{- if and (ne .Values.DEPLOY_LB "true") .Values.PUBLISH_PORT }}
    ports:
      - ${PUBLISH_PORT}:9000
    {{- end }}`,
	Version: checkT002,
}

func checkT002(p *lint.Pass, v *catalog.Version) {
	for _, f := range templatedFiles(v) {
		err := f.Rendered.ExecErr
		if err == nil || f.Rendered.ParseErr != nil {
			continue
		}
		pos, msg := errorPos(f, err)
		hint := ""
		switch {
		case strings.Contains(msg, "can't give argument to non-function"):
			hint = "; a parenthesized value cannot take more arguments: put the operator first, as in `and (ne .Values.A \"x\") .Values.B`"
		case strings.Contains(msg, "incompatible types for comparison"):
			hint = "; answers in .Values are always strings: compare them with quoted strings"
		}
		sev, capped := templatingSeverity(v, p.Rule().Severity)
		p.ReportSeverity(sev, pos, "%s fails to render with the default answers: %s. Rancher ignores template execution errors and deploys the output truncated at this action, silently dropping everything after it%s%s", f.Name, msg, hint, capped)
	}
}

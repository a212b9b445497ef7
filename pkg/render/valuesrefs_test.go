package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValuesRefs(t *testing.T) {
	tests := []struct {
		template string
		want     []string
	}{
		{`a: {{ .Values.x }}`, []string{"x"}},
		{`{{ if eq .Values.on "true" }}{{ .Values.y | quote }}{{ else }}{{ $.Values.z }}{{ end }}`, []string{"on", "y", "z"}},
		{`{{ range $i, $e := splitPreserveQuotes .Values.list }}{{ $e }}{{ end }}`, []string{"list"}},
		{`{{ index .Values "dashed-name" }}`, []string{"dashed-name"}},
		{`{{ with .Values.w }}{{ . }}{{ end }}`, []string{"w"}},
		{"text .Values.x, {{`{{ .Values.y }}`}}", nil},
		{`{{ .Stack.Name }} {{ .Release.Version }}`, nil},
	}
	for _, tt := range tests {
		got, err := valuesRefs("t", []byte(tt.template))
		require.NoError(t, err, tt.template)
		assert.Equal(t, tt.want, got, tt.template)
	}
	_, err := valuesRefs("t", []byte(`{{ if }}`))
	assert.Error(t, err)
}

/** The statuses-by-agency chart as inline SVG elements, from shapes the core laid out (no chart library). */
import type { ChartPicture, Shape } from "../../core/report/chart";

function ShapeElement({ shape }: { shape: Shape }) {
  switch (shape.kind) {
    case "rect":
      return <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} fill={`#${shape.fill}`} />;
    case "text":
      return (
        <text x={shape.x} y={shape.y} fontSize={11} textAnchor={shape.anchor}>
          {shape.text}
        </text>
      );
    case "line":
      return <line x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} stroke="#666" />;
    case "group":
      return (
        <g>
          <title>{shape.tooltip}</title>
          {shape.shapes.map((s, i) => (
            <ShapeElement key={i} shape={s} />
          ))}
        </g>
      );
  }
}

export function StatusChart({ picture }: { picture: ChartPicture }) {
  return (
    <svg viewBox={`0 0 ${picture.width} ${picture.height}`} width="100%" role="img" aria-label={picture.description} style={{ maxWidth: picture.width * 1.5 }}>
      <title>{picture.title}</title>
      {picture.shapes.map((s, i) => (
        <ShapeElement key={i} shape={s} />
      ))}
    </svg>
  );
}

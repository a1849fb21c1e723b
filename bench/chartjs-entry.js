// The same funding bar chart as the widget's, drawn with Chart.js for comparison: horizontal
// bars of each donor's euros, with hover (tooltip) and click (selection). Bundled and minified
// by esbuild with only the Chart.js parts it uses.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const rows = JSON.parse(document.getElementById('data').textContent);
const canvas = document.getElementById('bars');
const chart = new Chart(canvas, {
  type: 'bar',
  data: {
    labels: rows.map((r) => r.name),
    datasets: [{ data: rows.map((r) => r.eur), backgroundColor: '#1f5fa8' }],
  },
  options: {
    indexAxis: 'y',
    animation: false,
    maintainAspectRatio: false,
    onClick: (_event, elements) => {
      const colors = rows.map((_, i) => (elements[0]?.index === i ? '#c42800' : '#1f5fa8'));
      chart.data.datasets[0].backgroundColor = colors;
      chart.update();
    },
  },
});
// Chart.js draws synchronously when animation is off: the pixels are on the canvas now.
window.firstDrawn = performance.now();

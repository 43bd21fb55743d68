// Draws the dashboard's charts from the JSON block the page renders from its publication.
// The tables beside each canvas hold the same numbers and stay the reference; a secret value is
// null here and drawn as a gap, never as a zero. A count axis never labels a value between 1 and
// threshold − 1 either: such a number is never published.
(function () {
    "use strict";
    var source = document.getElementById("indicateurs-donnees");
    if (!source || typeof window.Chart === "undefined") return;

    var number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
    var units = {
        count: function (v) { return number.format(v); },
        percent: function (v) { return number.format(v) + "\u00a0%"; },
        days: function (v) { return number.format(v) + " j"; }
    };
    var blue = "#000091";

    JSON.parse(source.textContent).forEach(function (chart) {
        var canvas = document.getElementById(chart.id);
        if (!canvas) return;
        var format = units[chart.unit] || units.count;
        var counts = chart.unit === "count";
        var tick = function (v) { return counts && v > 0 && v < chart.threshold ? "" : format(v); };
        new window.Chart(canvas, {
            type: chart.type,
            data: {
                labels: chart.labels,
                datasets: [{
                    label: chart.label,
                    data: chart.data,
                    spanGaps: false,
                    borderColor: blue,
                    backgroundColor: chart.type === "line" ? blue : "rgba(0, 0, 145, 0.75)",
                    pointRadius: 4
                }]
            },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                locale: "fr-FR",
                plugins: {
                    legend: { display: false },
                    tooltip: {
                        callbacks: {
                            label: function (item) { return item.raw === null ? "secret" : format(item.raw); }
                        }
                    }
                },
                scales: {
                    y: { beginAtZero: true, suggestedMax: counts ? chart.threshold : undefined, ticks: { precision: counts ? 0 : undefined, callback: tick } }
                }
            }
        });
    });
})();

package org.dangan.ui.home;

import org.dangan.workflow.platform.PdfFont;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chart maker of the home pages, measuring with the font the printed sheets embed (it has Han glyphs). */
@Configuration
class HomeCharts {

    @Bean
    SvgCharts svgCharts(PdfFont font) {
        return new SvgCharts(font.path());
    }
}

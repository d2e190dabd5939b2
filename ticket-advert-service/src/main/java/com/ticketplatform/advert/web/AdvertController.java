package com.ticketplatform.advert.web;

import com.ticketplatform.common.web.Caller;
import com.ticketplatform.advert.advert.AdvertView;
import com.ticketplatform.advert.serving.AdvertServingService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public advert serving: anonymous callers get the generic ranking, known callers a targeted one. */
@RestController
class AdvertController {

  private final AdvertServingService serving;

  AdvertController(AdvertServingService serving) {
    this.serving = serving;
  }

  @GetMapping("/api/adverts")
  List<AdvertView> adverts(@RequestParam String placement, Caller caller) {
    return serving.serve(placement, caller.userId());
  }
}

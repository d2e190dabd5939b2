package com.ticketplatform.gateway.web;

import com.ticketplatform.common.error.ErrorCodes;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request target that is not a valid URI (a broken percent-escape such as {@code ?q=%zz}) is refused by Spring's
 * Reactor Netty adapter with an empty 400 before any filter could answer. This guard sits in the Netty pipeline right
 * after the HTTP decoder, checks the target the same way, and answers such a request itself with a 400 problem
 * ({@code MALFORMED_REQUEST}), then closes the connection.
 */
@Component
class MalformedUriGuard implements NettyServerCustomizer {

  static final String HANDLER = "ticket.malformedUriGuard";

  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnChannelInit((observer, channel, remote) -> {
      if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Handler());
      }
    });
  }

  static boolean isValid(String target) {
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static final class Handler extends ChannelInboundHandlerAdapter {

    /** After a refusal: the rest of that request (its body) is dropped until the connection closes. */
    private boolean refusing;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest request && !isValid(request.uri())) {
        refusing = true;
        ReferenceCountUtil.release(msg);
        ctx.writeAndFlush(problem()).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      if (refusing) {
        ReferenceCountUtil.release(msg);
        return;
      }
      ctx.fireChannelRead(msg);
    }

    private static FullHttpResponse problem() {
      byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"the request target is not a valid URI (check its percent-escapes)\","
          + "\"code\":\"" + ErrorCodes.MALFORMED_REQUEST + "\"}").getBytes(StandardCharsets.UTF_8);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
          Unpooled.wrappedBuffer(body));
      response.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      return response;
    }
  }
}
